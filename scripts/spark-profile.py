#!/usr/bin/env python3
"""Where a fairfee run spends its Spark time, from a Spark event log.

Run fairfee with the event log on, then read it:

    FAIRFEE_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file:/tmp/spark-events" \
        bin/fairfee run ...
    scripts/spark-profile.py /tmp/spark-events/local-*            # actions, slowest first
    scripts/spark-profile.py /tmp/spark-events/local-* --nodes 25 # and the costliest plan operators

Per SQL execution (one Dataset action: its call site names the line of fairfee code): wall time,
jobs, stages and the task time it used. With --nodes, the plan operators with the most time in their
timing metrics (codegen stage duration, sort, aggregation build, shuffle write), summed over the run.
"""
import json
import sys
from collections import defaultdict


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    path = argv[0]
    top_nodes = int(argv[argv.index("--nodes") + 1]) if "--nodes" in argv else 0
    execs = {}                      # id -> dict(desc, start, end)
    job_exec = {}                   # job id -> execution id
    stage_job = {}                  # stage id -> job id
    stage_task_ms = defaultdict(int)
    metric_of = {}                  # accumulator id -> (node name, metric name, type)
    metric_value = defaultdict(int)
    run_start = run_end = None

    def plan_metrics(info, ex):
        for m in info.get("metrics", []):
            metric_of.setdefault(m["accumulatorId"], (info["nodeName"], m["name"], m.get("metricType", ""), ex))
        for child in info.get("children", []):
            plan_metrics(child, ex)

    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            kind = e["Event"]
            if kind == "SparkListenerApplicationStart":
                run_start = e["Timestamp"]
            elif kind == "SparkListenerApplicationEnd":
                run_end = e["Timestamp"]
            elif kind.endswith("SQLExecutionStart"):
                execs[e["executionId"]] = {"desc": e.get("description", ""), "start": e["time"], "end": None,
                                           "jobs": 0, "stages": 0, "task_ms": 0}
                plan_metrics(e["sparkPlanInfo"], e["executionId"])
            elif kind.endswith("SQLAdaptiveExecutionUpdate"):
                plan_metrics(e["sparkPlanInfo"], e["executionId"])
            elif kind.endswith("SQLExecutionEnd"):
                if e["executionId"] in execs:
                    execs[e["executionId"]]["end"] = e["time"]
            elif kind == "SparkListenerJobStart":
                props = e.get("Properties") or {}
                ex = props.get("spark.sql.execution.id")
                if ex is not None:
                    job_exec[e["Job ID"]] = int(ex)
                for s in e.get("Stage IDs", []):
                    stage_job[s] = e["Job ID"]
            elif kind == "SparkListenerTaskEnd":
                m = e.get("Task Metrics") or {}
                stage_task_ms[e["Stage ID"]] += m.get("Executor Run Time", 0)
            elif kind == "SparkListenerStageCompleted":
                info = e["Stage Info"]
                if "Completion Time" not in info:
                    continue
                for acc in info.get("Accumulables", []):
                    try:
                        metric_value[acc["ID"]] += int(acc.get("Value", 0))
                    except (TypeError, ValueError):
                        pass
                job = stage_job.get(info["Stage ID"])
                ex = job_exec.get(job)
                if ex in execs:
                    execs[ex]["stages"] += 1
                    execs[ex]["task_ms"] += stage_task_ms[info["Stage ID"]]
            elif kind == "SparkListenerJobEnd":
                ex = job_exec.get(e["Job ID"])
                if ex in execs:
                    execs[ex]["jobs"] += 1

    rows = []
    for i, x in execs.items():
        if x["end"] is None:
            continue
        rows.append(((x["end"] - x["start"]) / 1000.0, x["task_ms"] / 1000.0, x["jobs"], x["stages"], i,
                     x["desc"].replace("\n", " ")[:90]))
    total = sum(r[0] for r in rows)
    if run_start and run_end:
        print(f"application: {(run_end - run_start) / 1000.0:.1f} s; SQL executions: {total:.1f} s wall, "
              f"{sum(r[1] for r in rows):.1f} s task time")
    print(f"{'wall s':>8} {'task s':>8} {'jobs':>5} {'stages':>6}  id  call site")
    for r in sorted(rows, reverse=True):
        print(f"{r[0]:8.1f} {r[1]:8.1f} {r[2]:5d} {r[3]:6d} {r[4]:3d}  {r[5]}")
    if top_nodes:
        by = defaultdict(float)
        for acc, (node, name, kind, ex) in metric_of.items():
            v = metric_value.get(acc, 0)
            if kind == "timing":
                by[(ex, node, name)] += v / 1000.0
            elif kind == "nsTiming":
                by[(ex, node, name)] += v / 1e9
        print(f"\n{'s':>8}   id  operator: metric (summed over the execution's tasks)")
        for (ex, node, name), s in sorted(by.items(), key=lambda kv: -kv[1])[:top_nodes]:
            print(f"{s:8.1f}  {ex:3d}  {node[:70]}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
