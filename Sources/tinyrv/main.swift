// tinyrv: the executable is only this; everything else lives in the TinyRVCommands library.
import TinyRVCommands

TinyRVCommand.main()
