import JobMatchModel

/// A placement change the store refused: a rule broken, an unknown id, or the store itself
/// failing. Messages name placements, people and offers by id only.
///
/// ```swift
/// do { try store.startPlacement(id: "KBH-2026-0001@O-0001", on: day) } catch { print(error) }
/// // "started: KBH-2026-0001 is in placement ... at that time; one placement at a time (end it first)"
/// ```
public struct PlacementError: Error, Sendable, CustomStringConvertible {
    /// What kind of refusal.
    public enum Kind: Sendable, Hashable {
        /// A placement, profile or offer with the given id does not exist.
        case notFound
        /// The change breaks a rule of `PlacementRules` (or the record is invalid).
        case rule
        /// The store failed.
        case store
    }

    /// The kind.
    public var kind: Kind
    /// Every problem, each naming its field.
    public var problems: [FieldError]
    /// The store's error, for `.store`.
    public var storeError: StoreError?

    /// Creates an error.
    public init(kind: Kind, problems: [FieldError], storeError: StoreError? = nil) {
        self.kind = kind
        self.problems = problems
        self.storeError = storeError
    }

    static func store(_ e: StoreError) -> PlacementError { PlacementError(kind: .store, problems: [], storeError: e) }

    /// The problems joined by `; ` (or the store's message).
    public var description: String { description(in: .english) }
}

extension PlacementError: LocalizedFailure {
    /// The problems joined by `; ` (or the store's message), in `language`.
    public func description(in language: OutputLanguage) -> String {
        if let storeError { return storeError.description(in: language) }
        return problems.map { $0.description(in: language) }.joined(separator: "; ")
    }
}

/// One placement to propose (`Store.proposePlacements`).
public struct PlacementProposal: Sendable, Hashable {
    /// The person's case id.
    public var profile: String
    /// The offer's id.
    public var offer: String
    /// The planned hours a week (nil: the offer's hours).
    public var hoursPerWeek: Double?
    /// A note for the consultant.
    public var note: String?

    /// Creates a proposal.
    public init(profile: String, offer: String, hoursPerWeek: Double? = nil, note: String? = nil) {
        self.profile = profile
        self.offer = offer
        self.hoursPerWeek = hoursPerWeek
        self.note = note
    }
}

/// What `Store.proposePlacements` did.
public struct ProposalResult: Sendable {
    /// The placements stored, in the order proposed.
    public var stored: [PlacementRecord]
    /// The proposals refused, each with its position in the input and its problems (empty
    /// unless the call was told to skip refused proposals).
    public var refused: [(index: Int, proposal: PlacementProposal, problems: [FieldError])]
}

/// The places placements hold in one offer (`Store.heldPlaces()`).
public struct HeldPlaces: Sendable, Hashable {
    /// Placements holding a place (proposed, or started and not ended).
    public var held: Int
    /// The offer's free places as its record says (places − places filled), before `held`.
    public var recordedFreePlaces: Int

    /// Creates the figures.
    public init(held: Int, recordedFreePlaces: Int) {
        self.held = held
        self.recordedFreePlaces = recordedFreePlaces
    }

    /// The free places left: never below 0 (`Corpus.applyingHeldPlaces` caps the same way).
    public var freePlaces: Int { max(0, recordedFreePlaces - held) }
}
