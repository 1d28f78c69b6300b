import JobMatchModel

/// The municipality's results report: every figure `jobmatch report` prints, as plain values.
/// `ResultsCalculator` computes it; `ReportRenderer` writes it as JSON, CSV or HTML. The
/// definitions of the measures are in `ResultsDefinitions` (and the README).
///
/// Counts in the tables by gender and by years since arrival (and in the table of several
/// municipalities) are `Cell`s: a count under 5 persons is kept back as "< 5" (`SmallCells`).
public struct ResultsReport: Sendable, Encodable {
    /// The municipality reported on; nil for all.
    public var municipality: Int?
    /// Its name, when known.
    public var municipalityName: String?
    /// The period's first and last day.
    public var from: Day, to: Day
    /// The population at the period's end (its last month): see `ResultsDefinitions.population`.
    public var persons: Int
    /// Of them, in a job or in education in the last month (the broader measure).
    public var inJobOrEducation: Int
    /// Of them, in unsubsidised wage work in the last month (the ministry's measure).
    public var inUnsubsidisedJob: Int
    /// `inJobOrEducation / persons`; nil when nobody is in the population.
    public var shareJobOrEducation: Double?
    /// `inUnsubsidisedJob / persons`; nil when nobody is in the population.
    public var shareUnsubsidisedJob: Double?
    /// The target for `shareJobOrEducation` (`--target`), if given.
    public var target: Double?
    /// Whether the target is reached.
    public var targetMet: Bool?
    /// The shares month by month (quarter by quarter for periods over 24 months).
    public var trend: Trend
    /// People into ordinary job, education, IGU and wage subsidy in the period.
    public var counts: Counts
    /// The count goal (`--goal-count`) for `counts.total`, if given.
    public var goalCount: Int?
    /// Whether the goal is reached.
    public var goalMet: Bool?
    /// The previous period of the same length: its counts and shares.
    public var previous: PreviousPeriod
    /// Result grants earned in the period, and those still to come.
    public var grants: Grants
    /// The rates used (the dated table).
    public var rates: [GrantRates.Rate]
    /// Placements by kind.
    public var byKind: [KindRow]
    /// Placements by the offer's sector.
    public var bySector: [SectorRow]
    /// Placements that led to an ordinary job, by kind and (internships) by employer.
    public var internshipsToJob: InternshipsToJob
    /// Days from the intake interview to the first placement.
    public var intakeToFirstPlacement: IntakeToFirstPlacement
    /// Mentors: personal (population) and at the workplace (placements started).
    public var mentor: Mentors
    /// The population at the period's end by gender (aggregate, small cells kept back).
    public var byGender: [GroupRow]
    /// The population at the period's end by years since the residence permit (aggregate,
    /// small cells kept back).
    public var byYearsSinceArrival: [GroupRow]
    /// The ministry's kind of table, one row per municipality, ranked by share (only for a report
    /// on all municipalities).
    public var municipalities: [MunicipalityRow]?
    /// What the reader should know about the data (missing dates, unknown offers).
    public var notes: [String]

    /// A count, or kept back because it is under 5 persons (or could be worked out from the
    /// others); encoded as a number or as the text `"< 5"`.
    public enum Cell: Sendable, Hashable, Encodable {
        /// Shown.
        case count(Int)
        /// Kept back.
        case suppressed

        /// The count when shown.
        public var value: Int? { if case .count(let n) = self { return n }; return nil }

        /// `42` or `< 5`.
        public var text: String { value.map(String.init) ?? "< 5" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .count(let n): try c.encode(n)
            case .suppressed: try c.encode("< 5")
            }
        }
    }

    /// One point of the trend.
    public struct TrendPoint: Sendable, Encodable {
        /// The window: a calendar month or quarter, clipped to the period.
        public var from: Day, to: Day
        /// Population at the window's end.
        public var persons: Int
        /// In a job or education in the window.
        public var inJobOrEducation: Int
        /// In unsubsidised wage work in the window.
        public var inUnsubsidisedJob: Int
        /// The two shares (nil without a population).
        public var shareJobOrEducation: Double?, shareUnsubsidisedJob: Double?
    }

    /// The trend: `month` or `quarter` steps.
    public struct Trend: Sendable, Encodable {
        /// `month` or `quarter`.
        public var step: String
        /// One point per step, the last being the headline.
        public var points: [TrendPoint]
    }

    /// Distinct persons into each outcome in a period.
    public struct Counts: Sendable, Encodable, Hashable {
        /// Into an ordinary job.
        public var job = 0
        /// Into education.
        public var education = 0
        /// Into IGU.
        public var igu = 0
        /// Into a wage-subsidy job.
        public var wageSubsidy = 0
        /// Into any of the four (each person once): what the goal counts.
        public var total = 0

        /// Creates counts.
        public init(job: Int = 0, education: Int = 0, igu: Int = 0, wageSubsidy: Int = 0, total: Int = 0) {
            self.job = job
            self.education = education
            self.igu = igu
            self.wageSubsidy = wageSubsidy
            self.total = total
        }
    }

    /// The previous period.
    public struct PreviousPeriod: Sendable, Encodable {
        /// Its first and last day.
        public var from: Day, to: Day
        /// Its counts.
        public var counts: Counts
        /// Its population and shares at its end.
        public var persons: Int
        /// Its shares at its end.
        public var shareJobOrEducation: Double?, shareUnsubsidisedJob: Double?
    }

    /// One result grant.
    public struct Grant: Sendable, Encodable {
        /// The person's case id.
        public var profile: String
        /// `job`, `education` or `danish-test`.
        public var kind: String
        /// `earned` (the condition was met in the period), `pending` (will be met on
        /// `conditionMetOn` if the job or education goes on), `to-confirm` (met, but the hours a
        /// week are not recorded for all of the six months).
        public var status: String
        /// The job's or education's first day, or the test's day.
        public var started: Day
        /// The day the 6-month condition is (or will be) met; the test's day for a test.
        public var conditionMetOn: Day
        /// `1-3` or `4-5`: the years since the residence permit when it started (nil for tests).
        public var yearsSinceArrival: String?
        /// The average hours a week over the six months (jobs with recorded hours, unrounded).
        public var averageHours: Double?
        /// The test's code, for a test.
        public var test: String?
        /// The grant at the rate that applies on `conditionMetOn`.
        public var amountDKK: Int
    }

    /// Persons and DKK.
    public struct GrantSum: Sendable, Encodable, Hashable {
        /// Distinct persons.
        public var persons = 0
        /// DKK.
        public var totalDKK = 0

        /// Creates a sum.
        public init(persons: Int = 0, totalDKK: Int = 0) {
            self.persons = persons
            self.totalDKK = totalDKK
        }
    }

    /// Result grants.
    public struct Grants: Sendable, Encodable {
        /// Distinct persons with a grant earned in the period.
        public var persons = 0
        /// DKK earned in the period.
        public var totalDKK = 0
        /// Jobs and educations that will meet the 6-month condition after the period if they go on.
        public var pending = GrantSum()
        /// Conditions met in the period but hours a week not recorded for all six months.
        public var toConfirm = GrantSum()
        /// Jobs and educations started in the period that did not qualify: ended within six
        /// months, or under 20 hours a week on average.
        public var endedBeforeSixMonths = 0, underTwentyHours = 0
        /// Every grant earned, pending or to confirm, by day.
        public var list: [Grant] = []
    }

    /// Placements of one kind.
    public struct KindRow: Sendable, Encodable {
        /// The kind's code (`internship`, `wage-subsidy`, `igu`, `job`).
        public var kind: String
        /// Started in the period.
        public var started = 0
        /// Ended in the period.
        public var ended = 0
        /// Ended in the period with an ordinary job.
        public var endedToJob = 0
        /// Ended in the period with a job or education (job, education, IGU, wage subsidy).
        public var endedToJobOrEducation = 0
        /// `endedToJobOrEducation / ended`.
        public var shareToJobOrEducation: Double?
        /// Ended in the period, by outcome code.
        public var outcomes: [String: Int] = [:]
        /// Started in the period with a workplace mentor.
        public var withWorkplaceMentor = 0
    }

    /// Placements in one sector.
    public struct SectorRow: Sendable, Encodable {
        /// The sector's id (`sector.cleaning`), or `unknown`.
        public var sector: String
        /// Its label in the report's language.
        public var label: String
        /// As `KindRow`.
        public var started = 0, ended = 0, endedToJob = 0, endedToJobOrEducation = 0
        /// `endedToJobOrEducation / ended`.
        public var shareToJobOrEducation: Double?
    }

    /// Placements that led to an ordinary job, by kind.
    public struct ToJobByKind: Sendable, Encodable {
        /// The kind.
        public var kind: String
        /// Ended in the period.
        public var ended = 0
        /// Of them, with the outcome ordinary job.
        public var toJob = 0
        /// `toJob / ended`.
        public var shareToJob: Double?
    }

    /// Internships at one employer.
    public struct ToJobByEmployer: Sendable, Encodable {
        /// The employer's CVR number.
        public var cvr: String
        /// The employer's name.
        public var employer: String
        /// Internships ended in the period.
        public var ended = 0
        /// Of them, with the outcome ordinary job.
        public var toJob = 0
        /// Of them, with a job or an education.
        public var toJobOrEducation = 0
        /// `toJob / ended`.
        public var shareToJob: Double?
    }

    /// Placements that led to a job.
    public struct InternshipsToJob: Sendable, Encodable {
        /// By kind of placement.
        public var byKind: [ToJobByKind]
        /// Internships by employer, most ended first.
        public var byEmployer: [ToJobByEmployer]
    }

    /// One bin of the distribution.
    public struct DayBin: Sendable, Encodable {
        /// `0-30`, `31-91`, ... days.
        public var label: String
        /// The bin's bounds in days (nil: open).
        public var fromDays: Int?, toDays: Int?
        /// Persons.
        public var persons = 0
    }

    /// Days from intake to first placement.
    public struct IntakeToFirstPlacement: Sendable, Encodable {
        /// Persons whose first placement started in the period.
        public var persons = 0
        /// The median of their days (the mean of the two middle values for an even count).
        public var medianDays: Double?
        /// The distribution.
        public var bins: [DayBin] = []
        /// Persons of the population at the period's end who never started a placement by then.
        public var notYetPlaced = 0
    }

    /// Mentors.
    public struct Mentors: Sendable, Encodable {
        /// The population at the period's end.
        public var persons = 0
        /// Of them, with a personal mentor assigned by then.
        public var withPersonalMentor = 0
        /// `withPersonalMentor / persons`.
        public var sharePersonalMentor: Double?
        /// Placements started in the period.
        public var placementsStarted = 0
        /// Of them, with a workplace mentor.
        public var withWorkplaceMentor = 0
        /// `withWorkplaceMentor / placementsStarted`.
        public var shareWorkplaceMentor: Double?
    }

    /// One group of the population (a gender, or a band of years since arrival).
    public struct GroupRow: Sendable, Encodable {
        /// `female`, `male`, `other`; or `0-1`, `1-3`, `3-5`.
        public var group: String
        /// Persons.
        public var persons: Cell
        /// In unsubsidised wage work.
        public var inUnsubsidisedJob: Cell
        /// In a job or education.
        public var inJobOrEducation: Cell
        /// The shares, when both counts are shown.
        public var shareUnsubsidisedJob: Double?, shareJobOrEducation: Double?
    }

    /// One municipality in the ministry's kind of table.
    public struct MunicipalityRow: Sendable, Encodable {
        /// 1 for the highest share; nil for a row whose figures are kept back.
        public var rank: Int?
        /// The code.
        public var municipality: Int
        /// The name.
        public var name: String
        /// Persons at the period's end.
        public var persons: Cell
        /// The ministry's measure and the broader one.
        public var shareUnsubsidisedJob: Double?, shareJobOrEducation: Double?
        /// Change of each share since the previous period's end (a difference of shares: 0.05 is
        /// 5 percentage points); nil when either share is kept back.
        public var changeUnsubsidisedJob: Double?, changeJobOrEducation: Double?
        /// Persons into job, education, IGU or wage subsidy in the period.
        public var intoJobOrEducation: Cell
        /// Result grants earned in the period, DKK (nil when the row is kept back).
        public var grantsDKK: Int?
    }
}
