import Foundation
import NIOPosix
import Platform
import Synchronization

/// The one writer of reports in the web application, with group commit: deliveries from the form, the API
/// and uploads queue here, and whatever has gathered while the previous batch was being written goes into
/// the store together, each delivery all or nothing, with one durable commit (`ReportIntake.ingest(batch:now:)`).
/// The writing runs on NIO's thread pool, never on an event loop.
final class DeliveryWriter: Sendable {
    private struct Pending: Sendable {
        var delivery: ReportDelivery
        var continuation: CheckedContinuation<Result<ImportSummary, any Error>, Never>
    }

    private let store: any ReportIntake
    private let clock: @Sendable () -> Date
    /// Deliveries waiting, and whether a drain is running.
    private let state = Mutex<(pending: [Pending], draining: Bool)>(([], false))
    /// The most deliveries one transaction takes.
    private let batchLimit = 64

    init(store: any ReportIntake, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.clock = clock
    }

    /// Stores `delivery` with whatever else is waiting; its summary once the commit is durable, or why it
    /// could not be read.
    func deliver(_ delivery: ReportDelivery) async -> Result<ImportSummary, any Error> {
        await withCheckedContinuation { continuation in
            let start = state.withLock { state in
                state.pending.append(Pending(delivery: delivery, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if start { NIOThreadPool.singleton.submit { _ in self.drain() } }
        }
    }

    /// Writes batches until nothing is waiting.
    private func drain() {
        while true {
            let batch: [Pending] = state.withLock { state in
                let taken = Array(state.pending.prefix(batchLimit))
                state.pending.removeFirst(taken.count)
                if taken.isEmpty { state.draining = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                let outcomes = try store.ingest(batch: batch.map(\.delivery), now: clock())
                for (pending, outcome) in zip(batch, outcomes) {
                    pending.continuation.resume(returning: outcome.map { ImportSummary($0) })
                }
            } catch {
                for pending in batch { pending.continuation.resume(returning: .failure(error)) }
            }
        }
    }
}
