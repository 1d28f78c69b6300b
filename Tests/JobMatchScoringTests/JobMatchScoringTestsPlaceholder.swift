import XCTest
final class JobMatchScoringTestsPlaceholder: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
