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
///
/// Everything a plugin starts ends with it: where `unshare` can make a PID namespace (as root, or with
/// unprivileged user namespaces) the plugin runs as its first process, and the kernel ends every process
/// in it, a `setsid` daemon too, when the plugin exits. Elsewhere its process group is killed after it
/// exits, which misses a process that left the group (docs/plugins.md).
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
        case .failure(is SizeError):
            throw PluginError(plugin: name, message: "printed too much output (over \(outputLimit >> 20) MiB)", stderr: "")
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
        let program = namespacePrefix.map { ($0[0], Array($0.dropFirst()) + ["--", executable] + arguments) } ?? (executable, arguments)
        let result = try await Subprocess.run(
            .path(FilePath(program.0)), arguments: Arguments(program.1), platformOptions: options,
            input: .data(input), output: .sequence, error: .data(limit: 1 << 20)
        ) { execution in
            try await withThrowingTaskGroup(of: Event.self) { group in
                group.addTask {
                    var collected = Data()
                    for try await buffer in execution.standardOutput {
                        buffer.withUnsafeBytes { collected.append(contentsOf: $0) }
                        if collected.count > outputLimit {
                            try? execution.send(signal: .kill, toProcessGroup: true)
                            throw SizeError()
                        }
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
                return (stdout, timedOut, execution.processIdentifier.value)
            }
        }
        let (stdout, timedOut, pid) = result.closureResult
        // What is left of its group goes with it (a namespace has ended everything already).
        kill(-pid, SIGKILL)
        let output = Output(stdout: stdout, stderr: String(decoding: result.standardError, as: UTF8.self))
        if timedOut { return .timedOut(output) }
        switch result.terminationStatus {
        case .exited(let code): return .finished(code, output)
        case .signaled(let signal): return .killed(signal, output)
        }
    }

    /// `unshare` and its options for a PID namespace that ends with the plugin, when one can be made here;
    /// tried once, with a program that does nothing.
    static let namespacePrefix: [String]? = {
        guard let unshare = ["/usr/bin/unshare", "/bin/unshare"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let options = ["--pid", "--fork", "--kill-child"]
        for prefix in [[unshare] + options, [unshare, "--user", "--map-root-user"] + options] {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: prefix[0])
            probe.arguments = Array(prefix.dropFirst()) + ["--", "/bin/sh", "-c", "exit 0"]
            probe.standardInput = FileHandle.nullDevice
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationReason == .exit, probe.terminationStatus == 0 { return prefix }
        }
        return nil
    }()

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
