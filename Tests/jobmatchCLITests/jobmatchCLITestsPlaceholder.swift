import XCTest
final class jobmatchCLITestsPlaceholder: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
