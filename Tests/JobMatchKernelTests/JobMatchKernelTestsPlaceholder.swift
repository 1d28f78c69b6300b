import XCTest
final class JobMatchKernelTestsPlaceholder: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
