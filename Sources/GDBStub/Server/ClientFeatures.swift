/// The qSupported features of the client that change what the stub sends.
struct ClientFeatures {
    /// `swbreak`/`hwbreak` in stop replies.
    var breakKinds = false
    /// Thread ids as `p<pid>.<tid>`, and `;process:<pid>` on exits.
    var multiprocess = false
    /// `fork`, `vfork`/`vforkdone` and `exec` stop replies.
    var forkEvents = false, vforkEvents = false, execEvents = false

    init() {}

    /// From the client's `feature+` list.
    init(_ features: [String]) {
        breakKinds = features.contains("swbreak+")
        multiprocess = features.contains("multiprocess+")
        forkEvents = features.contains("fork-events+")
        vforkEvents = features.contains("vfork-events+")
        execEvents = features.contains("exec-events+")
    }

    /// The `;feature+` the stub answers for those it takes up.
    var acknowledged: String {
        [("multiprocess+", multiprocess), ("fork-events+", forkEvents), ("vfork-events+", vforkEvents),
         ("exec-events+", execEvents)].filter(\.1).map { ";" + $0.0 }.joined()
    }
}
