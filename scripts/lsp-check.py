#!/usr/bin/env python3
"""Check ScrapeLint in a real Roslyn-based language server (csharp-ls) over LSP.

Spawns csharp-ls over stdio, initializes it with a project folder (default: samples/ProfileHarvester) as
the workspace root, opens one C# file, collects diagnostics (pushed `textDocument/publishDiagnostics` and a
pull `textDocument/diagnostic` request), and asks `textDocument/codeAction` at each SL2001/SL2002 range.

Nothing here uses the network. Build (restore) the project first:

    dotnet build samples/ProfileHarvester -c Release
    dotnet tool install --tool-path /tmp/csls csharp-ls --version 0.28.0
    python3 scripts/lsp-check.py --csharp-ls /tmp/csls/csharp-ls

Options: --analyzers off sends `csharp.analyzersEnabled = false` (csharp-ls's default) instead of true;
--file picks the document (relative to --root). --json writes every observation to a file.

Exit code: 0 when SL diagnostics and an SL2001 and an SL2002 code action were all seen; 1 when the server
ran but something was missing (the output says what); 2 when the server could not be started or timed out.
"""

import argparse
import json
import os
import pathlib
import queue
import subprocess
import sys
import threading
import time

REPO = pathlib.Path(__file__).resolve().parent.parent


class Lsp:
    def __init__(self, argv, cwd, config, log):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.config = config
        self.log = log
        self.next_id = 1
        self.responses = {}
        self.cv = threading.Condition()
        self.notifications = queue.Queue()
        self.server_requests = []
        self.stderr_lines = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace").rstrip())

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    with self.cv:
                        self.cv.notify_all()
                    return
                line = line.decode("ascii", "replace").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            msg = json.loads(body)
            self.log(msg)
            if "method" in msg and "id" in msg:
                self._answer(msg)
            elif "method" in msg:
                self.notifications.put(msg)
            else:
                with self.cv:
                    self.responses[msg["id"]] = msg
                    self.cv.notify_all()

    def _answer(self, msg):
        """Requests from the server: configuration is answered, everything else accepted with null."""
        self.server_requests.append(msg["method"])
        result = None
        if msg["method"] == "workspace/configuration":
            result = [self.config if item.get("section") == "csharp" else None
                      for item in msg["params"].get("items", [])]
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def _send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout):
        rid = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self.cv:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise TimeoutError(f"{method}: no answer in {timeout:.0f} s")
                self.cv.wait(left)
            return self.responses.pop(rid)

    def close(self):
        try:
            self.request("shutdown", None, 10)
            self.notify("exit", None)
            self.proc.wait(10)
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.kill()


def sl(diags):
    return [d for d in diags if str(d.get("code", "")).startswith("SL")]


SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}
# What the ScrapeLint code fixes' titles start with (src/ScrapeLint.CodeFixes).
FIX_TITLES = {"SL2001": "Skip URLs robots.txt disallows", "SL2002": "Wait "}


def fmt(d):
    s = d["range"]["start"]
    sev = SEVERITY.get(d.get("severity"), "?")
    return f'{d.get("code")} {sev} {s["line"] + 1}:{s["character"] + 1} {d.get("message", "")[:90]}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csharp-ls", default=os.environ.get("CSHARP_LS", "/tmp/csls/csharp-ls"))
    ap.add_argument("--root", default=str(REPO / "samples" / "ProfileHarvester"))
    ap.add_argument("--file", default="LinkCrawler.cs")
    ap.add_argument("--analyzers", choices=["on", "off"], default="on")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for SL diagnostics")
    ap.add_argument("--json", help="write observations (and the wire log) to this file")
    ap.add_argument("--loglevel", default="info", help="csharp-ls --loglevel (its log goes to stderr)")
    args = ap.parse_args()

    root = pathlib.Path(args.root).resolve()
    doc = root / args.file
    uri = doc.as_uri()
    config = {"analyzersEnabled": args.analyzers == "on"}
    wire = []
    t0 = time.monotonic()
    stamp = lambda: round(time.monotonic() - t0, 1)
    lsp = Lsp([args.csharp_ls, "--loglevel", args.loglevel], str(root), config, lambda m: wire.append([stamp(), m]))
    obs = {"server": args.csharp_ls, "root": str(root), "file": args.file, "config": config}
    try:
        init = lsp.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                              "workspaceFolders": True, "diagnostics": {"refreshSupport": False}},
                "textDocument": {
                    "synchronization": {"didSave": True},
                    "publishDiagnostics": {"relatedInformation": True},
                    "diagnostic": {"dynamicRegistration": True},
                    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": [
                        "", "quickfix", "refactor", "source"]}}, "resolveSupport": {"properties": ["edit"]},
                        "dataSupport": True},
                },
            },
        }, 60)
        caps = init.get("result", {}).get("capabilities", {})
        obs["serverInfo"] = init.get("result", {}).get("serverInfo")
        obs["server_has_pull_diagnostics"] = "diagnosticProvider" in caps
        lsp.notify("initialized", {})
        lsp.notify("workspace/didChangeConfiguration", {"settings": {"csharp": config}})
        lsp.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "csharp", "version": 1, "text": doc.read_text(encoding="utf-8")}})

        # Diagnostics: take whatever is pushed; poll the pull endpoint until SL codes show or time runs out.
        pushed, pulled, first_sl = [], [], None
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline and first_sl is None:
            try:
                while True:
                    n = lsp.notifications.get_nowait()
                    if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri:
                        pushed = n["params"]["diagnostics"]
            except queue.Empty:
                pass
            try:
                r = lsp.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}, 60)
                if "result" in r and r["result"] and r["result"].get("kind") == "full":
                    pulled = r["result"].get("items", [])
                elif "error" in r:
                    obs["pull_error"] = r["error"]
            except TimeoutError as e:
                obs["pull_error"] = str(e)
            if sl(pushed) or sl(pulled):
                first_sl = stamp()
                break
            time.sleep(2)
        obs["seconds_to_sl_diagnostics"] = first_sl
        obs["pushed"] = [fmt(d) for d in pushed]
        obs["pulled"] = [fmt(d) for d in pulled]
        diags = sl(pulled) or sl(pushed)

        actions = {}
        for d in diags:
            if d.get("code") not in ("SL2001", "SL2002"):
                continue
            same = [x for x in diags if x["range"] == d["range"]]
            r = lsp.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": same}}, 60)
            titles = [a.get("title") for a in (r.get("result") or [])]
            actions[fmt(d)] = titles
        obs["code_actions"] = actions
        obs["seconds_total"] = stamp()
    except TimeoutError as e:
        print(f"lsp-check: {e}", file=sys.stderr)
        obs["error"] = str(e)
        obs["stderr_tail"] = lsp.stderr_lines[-20:]
        _dump(args, obs, wire, lsp.stderr_lines)
        lsp.close()
        return 2
    finally:
        obs["server_requests"] = sorted(set(lsp.server_requests))
    lsp.close()
    obs["stderr_tail"] = lsp.stderr_lines[-20:]
    _dump(args, obs, wire, lsp.stderr_lines)

    print(f'server: {obs.get("serverInfo")}; analyzersEnabled={config["analyzersEnabled"]}; '
          f'root {root}; file {args.file}')
    print(f'pull diagnostics ({len(obs["pulled"])}):', *obs["pulled"], sep="\n  ")
    print(f'pushed diagnostics ({len(obs["pushed"])}):', *obs["pushed"], sep="\n  ")
    print(f'SL diagnostics after: {obs["seconds_to_sl_diagnostics"]} s')
    for k, v in obs["code_actions"].items():
        print(f"code actions at {k[:40]}: {len(v)}", *v, sep="\n  ")
    print(f'total: {obs["seconds_total"]} s')

    ok_diag = bool(diags)
    ok_actions = all(any(k.startswith(rule) and any(t.startswith(prefix) for t in v)
                         for k, v in obs["code_actions"].items())
                     for rule, prefix in FIX_TITLES.items())
    if not ok_diag:
        print("hint: csharp-ls evaluates projects in the Debug configuration, so an analyzer ProjectReference "
              "resolves to its bin/Debug output: build the project without -c Release first; and "
              "csharp.analyzersEnabled must be true (--analyzers on).")
    print(f'verdict: SL diagnostics {"seen" if ok_diag else "NOT seen"}; '
          f'SL2001/SL2002 code actions {"seen" if ok_actions else "NOT seen"}')
    return 0 if ok_diag and ok_actions else 1


def _dump(args, obs, wire, stderr=()):
    if args.json:
        obs = dict(obs, stderr=list(stderr))
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"observations": obs, "wire": wire}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
