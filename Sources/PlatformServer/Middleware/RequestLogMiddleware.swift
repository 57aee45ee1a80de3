import Foundation
import Hummingbird
import Logging

/// One log line per request: its id (Hummingbird's, also on every line the route logs), the method, the
/// route's pattern (never the path itself, which may hold a calendar or invitation secret, nor the query),
/// the status and the time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch let error as HTTPResponseError {
            log(request, context: context, status: error.status.code, since: start)
            throw error
        } catch {
            log(request, context: context, status: 500, since: start)
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(status)",
            "ms": "\(String(format: "%.2f", milliseconds))",
        ])
    }
}
