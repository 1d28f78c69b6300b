import Foundation

StandardStreams.ignoreSIGPIPE()
exit(CLI.main(CommandLine.arguments))
