import Foundation
import JobMatch

/// Small taxonomies built in code for the matcher and loader tests.
enum TaxonomyFixtures {
    static let tsv = """
    # fixture taxonomy
    id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en
    sector.care\tsector\t\t\tÆldrepleje\tElder care\t\t
    grp.care\tgroup\tsector.care\t\tPlejepersonale\tCare staff\t\t
    occ.sosu-helper\toccupation\tgrp.care\t5322\tSocial- og sundhedshjælper\tSocial and healthcare helper\tsosu-hjælper|sosuhjælper\thealth care assistant
    sector.industry\tsector\t\t\tIndustri\tManufacturing\t\t
    grp.textile\tgroup\tsector.industry\t\tTekstil\tTextiles\t\t
    occ.sewer\toccupation\tgrp.textile\t7533\tSyerske\tSewing machine operator\tindustrisyerske|syer\tseamstress
    skill.industrial-sewing\tskill\tgrp.textile\t\tIndustrisymaskine\tIndustrial sewing machine\t\t
    sector.logistics\tsector\t\t\tTransport og logistik\tTransport and logistics\t\t
    grp.warehouse\tgroup\tsector.logistics\t\tLager\tWarehouse\t\t
    occ.warehouse-worker\toccupation\tgrp.warehouse\t9333\tLagerarbejder\tWarehouse worker\tlagermedarbejder\twarehouse operative
    know.logistics\tknowledge\tgrp.warehouse\t\tLogistik\tLogistics\t\t
    lic.forklift\tlicence\t\tforklift\tTruckcertifikat\tForklift certificate\ttruck|gaffeltruck\tforklift|forklift licence
    sector.cleaning\tsector\t\t\tRengøring og service\tCleaning and service\t\t
    grp.cleaning\tgroup\tsector.cleaning\t\tRengøringspersonale\tCleaning staff\t\t
    occ.cleaner\toccupation\tgrp.cleaning\t9112\tRengøringsassistent\tCleaner\trengøringsmedarbejder\tcleaning assistant
    skill.cleaning\tskill\tgrp.cleaning\t\tRengøring\tCleaning\t\t
    skill.crafts\tskill\tgrp.cleaning\t\tHåndværk\tCrafts\t\t
    skill.first-aid\tskill\tgrp.care\t\tFørstehjælp\tFirst aid\t\t
    skill.abcdefg\tskill\tgrp.cleaning\t\tabcdefg\tabcdefg\t\t
    skill.abcdefh\tskill\tgrp.cleaning\t\tabcdefh\tabcdefh\t\t
    lang.da\tlanguage\t\tda\tDansk\tDanish\t\t
    """

    static let taxonomy: Taxonomy = try! TaxonomyTSV.taxonomy(parsing: tsv, file: "fixture.tsv")
    static let matcher = ConceptMatcher(taxonomy: taxonomy)

    /// The repository root (`Tests/JobMatchTaxonomyTests/<file>` -> up three).
    static func repoRoot(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var tabiyaDirectory: URL {
        repoRoot().deletingLastPathComponent().appendingPathComponent("shared/reference/esco-v1.1.1-tabiya")
    }

    static let esco: ESCOImport? = try? ESCOImporter.importDirectory(tabiyaDirectory)
}
