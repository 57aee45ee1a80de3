import NIOCore

/// A `TaskExecutor` that runs jobs on one NIO event loop: the bridge runs postgres-nio's async-only calls
/// (`copyFrom`) on its own loop, so a caller blocked waiting for them never needs a free thread of Swift's
/// cooperative pool (two cores: both may be blocked in store calls).
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
