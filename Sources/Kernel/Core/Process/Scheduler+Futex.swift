/// The futex wait queues: a task blocked in FUTEX_WAIT on a word is in that word's queue, ordered
/// by the ticket it drew when it blocked (first come, first woken, as on Linux).
extension Scheduler {
    /// The next place in a futex queue.
    func nextFutexTicket() -> UInt64 {
        futexTicket &+= 1
        return futexTicket
    }

    /// The tasks waiting on the word `key` and not yet woken, first come first.
    func futexWaiters(_ key: UInt64) -> [Task] {
        tasks.filter { task in
            guard !task.futexWoken, case .blocked(let condition) = task.state else { return false }
            return condition.futex?.key == key
        }.sorted { futexOrder($0) < futexOrder($1) }
    }

    /// Wakes up to `count` waiters of the word `key` whose bitset shares a bit with `bitset`;
    /// returns how many. Each one's FUTEX_WAIT returns 0 when it runs again.
    func wakeFutex(_ key: UInt64, count: Int, bitset: UInt32) -> Int {
        var woken = 0
        for task in futexWaiters(key) where woken < count {
            guard case .blocked(let condition) = task.state, let wait = condition.futex, wait.bitset & bitset != 0 else { continue }
            task.futexWoken = true
            woken += 1
        }
        return woken
    }

    /// FUTEX_(CMP_)REQUEUE: wakes up to `wake` waiters of `from` and moves up to `move` more to the
    /// end of `to`'s queue; returns how many were woken or moved.
    func requeueFutex(from: UInt64, to: UInt64, wake: Int, move: Int) -> Int {
        var woken = 0, moved = 0
        for task in futexWaiters(from) {
            guard case .blocked(var condition) = task.state, var wait = condition.futex else { continue }
            if woken < wake {
                task.futexWoken = true
                woken += 1
            } else if moved < move {
                wait.key = to
                wait.order = nextFutexTicket()
                condition.futex = wait
                task.state = .blocked(condition)
                moved += 1
            } else {
                break
            }
        }
        return woken + moved
    }

    /// The ticket of a task's futex wait (only asked of waiters).
    private func futexOrder(_ task: Task) -> UInt64 {
        if case .blocked(let condition) = task.state, let wait = condition.futex { return wait.order }
        return .max
    }
}
