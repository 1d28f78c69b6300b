import XCTest
final class JobMatchTaxonomyTestsPlaceholder: XCTestCase { func testPackageBuilds() { XCTAssertEqual(1 + 1, 2) } }
