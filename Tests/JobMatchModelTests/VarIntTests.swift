import XCTest
import JobMatchModel

/// LEB128 as its specification gives it (examples from the DWARF standard), and every value
/// round-trips.
final class VarIntTests: XCTestCase {
    func bytes(_ v: UInt64) -> [UInt8] {
        var b: [UInt8] = []
        VarInt.append(v, to: &b)
        return b
    }

    func testKnownEncodings() {
        XCTAssertEqual(bytes(0), [0x00])
        XCTAssertEqual(bytes(2), [0x02])
        XCTAssertEqual(bytes(127), [0x7F])
        XCTAssertEqual(bytes(128), [0x80, 0x01])
        XCTAssertEqual(bytes(129), [0x81, 0x01])
        XCTAssertEqual(bytes(12857), [0xB9, 0x64])
        XCTAssertEqual(bytes(.max), [UInt8](repeating: 0xFF, count: 9) + [0x01])
    }

    func testRoundTripsAndRefusesDamage() {
        var state: UInt64 = 3
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let v = state >> (state % 64)
            let b = bytes(v) + [0xAA]
            var pos = 0
            XCTAssertEqual(VarInt.read(b, at: &pos), v)
            XCTAssertEqual(pos, b.count - 1, "stops right after the varint")
            var cut = 0
            XCTAssertNil(VarInt.read(Array(b[..<(b.count - 2)]) + [0x80], at: &cut), "ends inside the varint")
        }
        var pos = 0
        XCTAssertNil(VarInt.read([UInt8](repeating: 0x80, count: 10) + [0x01], at: &pos), "longer than 64 bits")
    }
}
