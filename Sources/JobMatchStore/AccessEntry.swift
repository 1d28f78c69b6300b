import Foundation

/// What a logged use of personal data was: the kinds of use the access log records.
///
/// The first ten are the uses the municipality's log must show (issue 12); the others are the
/// store's own changes to how personal data is processed.
public enum AccessAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Ranked placements for one person (`jobmatch match`).
    case match
    /// The people listed for one offer (`jobmatch candidates`): every person listed is concerned.
    case candidates
    /// The breakdown of one pair (`jobmatch explain`).
    case explain
    /// One profile shown (`jobmatch profile show`).
    case show
    /// A person's copy of everything held about them (`jobmatch profile export`).
    case export
    /// A bulk import of profiles (`jobmatch import profiles`, `jobmatch init --seed`).
    case `import`
    /// One profile added, changed or removed (`jobmatch profile add|update|remove`).
    case update
    /// A cohort plan: every person planned is concerned.
    case assign
    /// A report that reads personal data.
    case report
    /// A person erased; the entry is the pseudonymous tombstone.
    case erase
    /// Processing of a person restricted (`jobmatch profile block`).
    case block
    /// A restriction lifted (`jobmatch profile unblock`).
    case unblock
    /// A listing of profiles (`jobmatch profiles`): every person listed is concerned.
    case list
    /// The access log read (`jobmatch log`).
    case log
    /// A retention run or a change of the privacy settings (periods, roles).
    case settings
}

/// Who acts, and why: the user (a consultant's login or initials) and, optionally, the purpose
/// they give (`--purpose "samtale 12. marts"`).
public struct AccessActor: Sendable, Hashable, Codable {
    /// The user, as given (`--user`, `JOBMATCH_USER`, the login name).
    public var user: String
    /// The purpose, when given.
    public var purpose: String?

    /// Creates an actor. Control characters are replaced by spaces and surrounding white space
    /// is dropped; an empty purpose counts as none.
    public init(user: String, purpose: String? = nil) {
        self.user = AccessActor.clean(user)
        let p = purpose.map(AccessActor.clean)
        self.purpose = (p?.isEmpty ?? true) ? nil : p
    }

    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One use of personal data, as a caller hands it to `Store.logAccess(_:)`: what was done, by
/// whom, to whom (the case ids concerned, in the order they were shown), and the query.
///
/// ```swift
/// try store.logAccess(AccessEntry(action: .assign, actor: AccessActor(user: "mhl"),
///                                 profiles: plan.map(\.profile), query: "assign --cohort 2026-03"))
/// ```
public struct AccessEntry: Sendable, Hashable {
    /// The kind of use.
    public var action: AccessAction
    /// Who acted and why.
    public var actor: AccessActor
    /// Case ids of every person concerned, in order (duplicates are logged once).
    public var profiles: [String]
    /// The question asked, e.g. the command line without global options. Case ids in it (and in
    /// the purpose) are stored as references to the entry's persons, never in clear.
    public var query: String

    /// Creates an entry.
    public init(action: AccessAction, actor: AccessActor, profiles: [String] = [], query: String) {
        self.action = action
        self.actor = actor
        self.profiles = profiles
        self.query = query
    }
}

/// One entry of the access log as read back (`query` and `purpose` show each person by case id
/// or pseudonym; `rendered(_:)` shows them another way).
public struct LoggedAccess: Sendable, Hashable {
    /// The entry's number (increasing).
    public var id: Int64
    /// When, milliseconds since 1970 UTC.
    public var atMilliseconds: Int64
    /// The user.
    public var user: String
    /// The kind of use (an `AccessAction` raw value).
    public var action: String
    /// The persons concerned, in order.
    public var profiles: [LoggedPerson]
    /// The query as stored: persons as references `\u{1}N\u{2}`.
    var queryTemplate: String
    /// The purpose as stored.
    var purposeTemplate: String?

    /// When, ISO 8601 UTC with milliseconds.
    public var time: String { Store.iso(milliseconds: atMilliseconds) }
}

/// A person named by a log entry: their pseudonym (a keyed hash of the case id under the store's
/// own secret), and the case id while the store still holds the profile.
public struct LoggedPerson: Sendable, Hashable, Codable {
    /// The case id, or nil when the store holds no profile with it (erased, removed).
    public var profile: String?
    /// The pseudonym, 32 hex digits.
    public var pseudonym: String

    /// The case id, else `#` and the pseudonym's first 16 hex digits.
    public var display: String { profile ?? "#" + pseudonym.prefix(16) }
}
