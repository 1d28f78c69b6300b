import Foundation
import JobMatch

/// `jobmatch taxonomy import-esco DIR`: ESCO occupations and ISCO groups merged with the Corpus
/// taxonomy, written as a taxonomy TSV file.
enum TaxonomyImport {
    static func run(directory: String, output: String?, context: CLIContext) throws(CLIError) -> Int32 {
        let dir = URL(fileURLWithPath: directory)
        let esco: ESCOImport
        do { esco = try ESCOImporter.importDirectory(dir) } catch { throw .failure(describing: error) }
        for p in esco.problems { context.err("jobmatch: \(msg(.warningPrefix)): \(p.description(in: CLIText.language))") }
        let base = try context.taxonomy()
        let merged: Taxonomy
        do { merged = try ESCOImporter.merge(esco.concepts, into: base) } catch { throw .failure(describing: error) }
        let tsv = TaxonomyTSV.write(merged.concepts)
        if let output {
            do { try Data(tsv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw .failure(msg(.escoCannotWrite, ["path": .text(output), "reason": .text(error.localizedDescription)]))
            }
            context.err("jobmatch: " + msg(.escoImported, ["occupations": .text(String(esco.occupationCount)),
                                                          "groups": .text(String(esco.iscoGroupCount)),
                                                          "skipped": .text(String(esco.problems.count)),
                                                          "concepts": .text(String(merged.count)), "path": .text(output)]))
        } else {
            context.out(tsv)
        }
        return esco.problems.isEmpty ? ExitCode.success : ExitCode.rejectedRows
    }
}
