import Foundation

setvbuf(stdout, nil, _IOFBF, 1 << 16)
let code = CLI.main(CommandLine.arguments)
fflush(stdout)
exit(code)
