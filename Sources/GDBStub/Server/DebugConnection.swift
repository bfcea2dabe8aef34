/// The byte stream to one GDB client (a socket, or a script in tests).
public protocol DebugConnection: AnyObject {
    /// Waits for bytes and returns them; empty when the stream ended or failed.
    func receive() -> [UInt8]
    /// Whether `receive` would return at once (bytes waiting, or the end of the stream).
    func hasInput() -> Bool
    /// Sends all of `bytes`; false when the stream is gone.
    func send(_ bytes: [UInt8]) -> Bool
    /// Ends the stream.
    func close()
}
