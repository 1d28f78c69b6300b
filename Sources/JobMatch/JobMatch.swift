// The umbrella module: `import JobMatch` gives a program every stage.
@_exported import JobMatchModel
@_exported import JobMatchText
@_exported import JobMatchTaxonomy
@_exported import JobMatchAds
@_exported import JobMatchScoring
@_exported import JobMatchKernel
@_exported import JobMatchAssignment
@_exported import JobMatchImport
@_exported import JobMatchStore
@_exported import JobMatchResults
