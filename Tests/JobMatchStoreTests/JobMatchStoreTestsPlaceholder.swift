import XCTest
final class JobMatchStoreTestsPlaceholder: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
