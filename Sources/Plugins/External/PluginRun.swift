import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// One run of a plugin program through swift-subprocess: input written, output and errors collected, and
/// the whole process group killed when the time limit passes, so a plugin's own children cannot keep it
/// alive or hold its output open.
enum PluginRun {
    /// What a finished run printed.
    struct Output {
        var stdout: Data
        var stderr: String
    }

    /// Most a plugin may print, in bytes.
    static let outputLimit = 256 << 20

    static func run(_ executable: String, arguments: [String], input: Data, timeLimit: Duration,
                    name: String) throws(PluginError) -> Output {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do {
                box.result = .success(try await runAsync(executable, arguments: arguments, input: input, timeLimit: timeLimit))
            } catch {
                box.result = .failure(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        switch box.result! {
        case .success(let outcome):
            switch outcome {
            case .finished(let status, let output):
                guard status == 0 else {
                    throw PluginError(plugin: name, message: "failed (exit status \(status))", stderr: output.stderr)
                }
                return output
            case .timedOut(let output):
                throw PluginError(plugin: name, message: "did not finish within \(timeLimit) and was stopped", stderr: output.stderr)
            case .killed(let signal, let output):
                throw PluginError(plugin: name, message: "was killed by signal \(signal)", stderr: output.stderr)
            }
        case .failure(let error):
            throw PluginError(plugin: name, message: "could not be run: \(error)", stderr: "")
        }
    }

    enum Outcome {
        case finished(Int32, Output)
        case timedOut(Output)
        case killed(Int32, Output)
    }

    private static func runAsync(_ executable: String, arguments: [String], input: Data, timeLimit: Duration) async throws -> Outcome {
        var options = PlatformOptions()
        options.processGroupID = 0  // a group of its own, so a time-out can stop everything it started
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), platformOptions: options,
            input: .data(input), output: .sequence, error: .data(limit: 1 << 20)
        ) { execution in
            try await withThrowingTaskGroup(of: Event.self) { group in
                group.addTask {
                    var collected = Data()
                    for try await buffer in execution.standardOutput {
                        buffer.withUnsafeBytes { collected.append(contentsOf: $0) }
                        if collected.count > outputLimit { throw SizeError() }
                    }
                    return .output(collected)
                }
                group.addTask {
                    do {
                        try await Task.sleep(for: timeLimit)
                    } catch {
                        return .timerCancelled
                    }
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    return .timedOut
                }
                var stdout = Data()
                var timedOut = false
                while let event = try await group.next() {
                    switch event {
                    case .output(let data):
                        stdout = data
                        group.cancelAll()
                    case .timedOut: timedOut = true
                    case .timerCancelled: break
                    }
                }
                return (stdout, timedOut)
            }
        }
        let (stdout, timedOut) = result.closureResult
        let output = Output(stdout: stdout, stderr: String(decoding: result.standardError, as: UTF8.self))
        if timedOut { return .timedOut(output) }
        switch result.terminationStatus {
        case .exited(let code): return .finished(code, output)
        case .signaled(let signal): return .killed(signal, output)
        }
    }

    /// What one of the tasks watching a run saw.
    private enum Event {
        case output(Data)
        case timedOut
        case timerCancelled
    }

    struct SizeError: Error, CustomStringConvertible {
        var description: String { "printed more than \(outputLimit >> 20) MiB" }
    }

    /// Carries the result from the task to the waiting thread; the semaphore orders the accesses.
    private final class ResultBox: @unchecked Sendable {
        var result: Result<Outcome, any Error>?
    }
}
