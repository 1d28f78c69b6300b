import Foundation

/// A page loaded once in headless Chromium (`--headless=new`): the DOM after load, the console
/// messages, the URLs the page asked the network for, and a screenshot at A4 width (1240 × 1754
/// pixels, 150 dpi). Every run has its own profile folder and is killed after `timeout` seconds,
/// so a hanging browser cannot stall the suite. Host names resolve to nothing
/// (`--host-resolver-rules`), so no request leaves the machine even when a page asks for one; the
/// request is still in the browser's net log, which is where `requests` comes from.
struct HeadlessChromium {
    /// The browser binary.
    let executable: URL

    /// What one load gave.
    struct PageLoad {
        /// The browser's exit status (nil when it was killed after the timeout).
        var exitStatus: Int32?
        var timedOut: Bool
        /// `--dump-dom`: the document as the browser serialises it after load.
        var dom: String
        /// Console messages and uncaught script errors (`CONSOLE` / `Uncaught` lines of the log).
        var console: [String]
        /// Non-`file:`/`data:` URLs requested on behalf of the page (from `--log-net-log`).
        var requests: [String]
        /// Whether the net log could be read (an unread log proves nothing about requests).
        var netLogRead: Bool
        /// The screenshot, when one was written.
        var screenshot: URL?
        /// The browser's whole log, for a failure message.
        var log: String
    }

    /// The first of `chromium`, `chromium-browser`, `google-chrome` on `PATH` (or the file named by
    /// `JOBMATCH_CHROMIUM`), nil when there is none.
    static func find() -> HeadlessChromium? {
        let env = ProcessInfo.processInfo.environment
        if let given = env["JOBMATCH_CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) {
            return HeadlessChromium(executable: URL(fileURLWithPath: given))
        }
        let folders = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return HeadlessChromium(executable: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return nil
    }

    /// The browser's version line (`Chromium 156.0.8078.114 ...`), or nil.
    func version() -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-chromium-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let run = try? launch(["--version"], in: folder, timeout: 30), run.status == 0 else { return nil }
        return run.stdout.split(separator: "\n").last.map(String.init)
    }

    /// Loads the file `page` once: `--dump-dom` and `--screenshot` in the same run, at most
    /// `timeout` seconds.
    func load(_ page: URL, timeout: TimeInterval = 60) throws -> PageLoad {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let netLog = folder.appendingPathComponent("net-log.json")
        let shot = folder.appendingPathComponent("screenshot.png")
        let arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=" + folder.appendingPathComponent("profile").path,
            "--enable-logging=stderr", "--v=0",
            "--log-net-log=" + netLog.path,
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1240,1754", "--screenshot=" + shot.path,
            "--dump-dom", page.absoluteString,
        ]
        let run = try launch(arguments, in: folder, timeout: timeout)
        let console = run.stderr.split(separator: "\n").map(String.init)
            .filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        let (requests, read) = HeadlessChromium.pageRequests(netLog)
        var kept: URL?
        if FileManager.default.fileExists(atPath: shot.path) {
            let target = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-report-\(UUID().uuidString).png")
            try? FileManager.default.moveItem(at: shot, to: target)
            kept = target
        }
        return PageLoad(exitStatus: run.status, timedOut: run.status == nil, dom: run.stdout, console: console,
                        requests: requests, netLogRead: read, screenshot: kept, log: run.stderr)
    }

    /// The net log's `URL_REQUEST_START_JOB` events made for the page (their network isolation
    /// key or site for cookies is the `file://` page; the browser's own background requests have
    /// none), other than `file:` and `data:` URLs.
    static func pageRequests(_ netLog: URL) -> ([String], Bool) {
        guard let data = try? Data(contentsOf: netLog),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = root["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let start = types["URL_REQUEST_START_JOB"],
              let events = root["events"] as? [[String: Any]] else { return ([], false) }
        var urls: [String] = []
        for event in events where (event["type"] as? Int) == start {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String else { continue }
            let key = (params["network_isolation_key"] as? String ?? "") + " " + (params["site_for_cookies"] as? String ?? "")
            guard key.contains("file://") else { continue }
            if url.hasPrefix("file:") || url.hasPrefix("data:") { continue }
            urls.append(url)
        }
        return (urls, true)
    }

    /// Runs the browser with stdout and stderr in files (a DOM is larger than a pipe's buffer);
    /// `status` is nil when it had to be killed.
    private func launch(_ arguments: [String], in folder: URL, timeout: TimeInterval) throws -> (status: Int32?, stdout: String, stderr: String) {
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var status: Int32?
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = done.wait(timeout: .now() + 5)
            }
        } else {
            status = process.terminationStatus
        }
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return (status, stdout, stderr)
    }
}
