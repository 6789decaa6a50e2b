#!/usr/bin/env bash
# cluster-check: runs the monthly job on a real Spark standalone cluster on this machine and checks
# that it gives the same outputs as a local run.
#
#   1. builds fairfee if needed (through bin/fairfee); the input is the project's sample-data/
#      (its latest month), or seeded generated data with --rows N;
#   2. makes a SPARK_HOME whose jars/ are Spark's own jars from ~/.m2 (symlinks; nothing downloaded);
#   3. runs the job locally (local[2]) through bin/fairfee, in the background;
#   4. meanwhile starts a standalone Master and two Workers (1 core, 1 GiB each) on 127.0.0.1, on
#      free ports, with plain java commands, and waits until both workers are ALIVE;
#   5. submits the same job through org.apache.spark.deploy.SparkSubmit (client mode) to the master,
#      and waits for both runs;
#   6. compares every CSV of the month byte for byte (cmp), and the manifest's file outcomes;
#   7. checks that the executors ran on the workers and that the application FINISHED;
#   8. stops the workers and the master by process id (also on failure: trap on EXIT) and checks
#      that no process it started is left.
#
# Prints one PASS/FAIL line per check; exit 0 only when every check passed.
# Options: --rows N (generated data of N rows instead of sample-data/), --keep (keep the work folder even on success),
#   --sequential (the local run first, alone, then the cluster: slower, but each run's time is its
#   own; use it to measure, see docs/running-on-a-cluster.md).
# Environment: CLUSTER_CHECK_DIR (parent of the work folder, default $TMPDIR or /tmp), JAVA.
# Needs: Java 17, Maven (first build only), curl, jq. All traffic stays on 127.0.0.1.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=
KEEP=0
SEQUENTIAL=0
PERIOD=2026-10
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="${2:?--rows needs a number}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --sequential) SEQUENTIAL=1; shift ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cluster-check: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

JAVA="${JAVA:-java}"
START=$SECONDS
FAILED=0
CHECKS=0
pass() { CHECKS=$((CHECKS + 1)); printf 'PASS %-22s %s\n' "$1" "${2:-}"; }
fail() { CHECKS=$((CHECKS + 1)); FAILED=$((FAILED + 1)); printf 'FAIL %-22s %s\n' "$1" "${2:-}"; }
note() { printf '     %s\n' "$*"; }
# Ends the check early (a later step cannot run without this one); the EXIT trap still cleans up.
abort() { fail "$1" "$2"; finish; }

for tool in curl jq "$JAVA"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cluster-check: needs $tool on the PATH" >&2; exit 1; }
done

WORK="$(mktemp -d "${CLUSTER_CHECK_DIR:-${TMPDIR:-/tmp}}/fairfee-cluster-check.XXXXXX")"
SPARK_HOME_DIR="$WORK/spark-home"
PIDS=()          # every long-running process this script started, in start order
SUBMIT_PID=""
STOPPED=0

OPENS=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
         java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
         sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
OPENS="$OPENS -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"

# Everything binds to loopback; executors and scratch space stay under the work folder.
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS="$WORK/local"

# Stops one process by id: TERM, up to 30 s, then KILL.
stop_pid() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null
  sleep 0.5
}

# Stops what this script started: the submit (if still running), then the workers, then the master.
stop_all() {
  [ "$STOPPED" = 1 ] && return 0
  STOPPED=1
  [ -n "$SUBMIT_PID" ] && stop_pid "$SUBMIT_PID"
  [ -n "${LOCAL_PID:-}" ] && stop_pid "$LOCAL_PID"
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}"; done
}

on_exit() {
  local code=$?
  if [ "$STOPPED" = 0 ]; then
    stop_all
    # Executors are children of the workers; a worker that had to be killed may leave one behind.
    local left
    left="$(pgrep -f -- "$WORK/" || true)"
    if [ -n "$left" ]; then
      echo "cluster-check: stopping processes left under $WORK: $left" >&2
      for p in $left; do stop_pid "$p"; done
    fi
  fi
  if [ "$code" = 0 ] && [ "$KEEP" = 0 ]; then
    rm -rf "$WORK"
  else
    echo "cluster-check: logs and outputs kept in $WORK" >&2
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

finish() {
  stop_all
  local left=""
  for p in "${PIDS[@]}" $SUBMIT_PID ${LOCAL_PID:-}; do kill -0 "$p" 2>/dev/null && left="$left $p"; done
  local strays
  strays="$(pgrep -f -- "$WORK/" | tr '\n' ' ' || true)"
  if [ -z "$left" ] && [ -z "${strays// /}" ]; then
    pass "processes-gone" "${#PIDS[@]} started (master, workers), none left, no executor left"
  else
    fail "processes-gone" "still running: pids${left} ${strays}"
    for p in $strays; do stop_pid "$p"; done
  fi
  local took=$((SECONDS - START))
  if [ "$FAILED" = 0 ]; then
    echo "cluster-check: PASS ($CHECKS checks) in ${took}s"
    exit 0
  fi
  echo "cluster-check: FAIL ($FAILED of $CHECKS checks failed) in ${took}s; see $WORK"
  exit 1
}

# Waits until a command succeeds, up to $2 seconds; fails early when process $3 (if given) died.
wait_for() {
  local what="$1" limit="$2" pid="${3:-}" t=0
  shift 3
  while ! "$@" >/dev/null 2>&1; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    [ "$t" -ge $((limit * 2)) ] && return 1
    sleep 0.5; t=$((t + 1))
  done
}

echo "cluster-check: work folder $WORK"

# 1. Build (only when sources changed) and sample data.
t0=$SECONDS
if "$ROOT/bin/fairfee" --version > "$WORK/build.out" 2>&1; then
  pass "build" "$(tail -1 "$WORK/build.out")$(grep -q building "$WORK/build.out" && echo ", rebuilt"), $((SECONDS - t0))s"
else
  abort "build" "bin/fairfee could not build or start; see $WORK/build.out and jobs/target/build.log"
fi
JAR="$ROOT/jobs/target/fairfee-jobs.jar"

if [ -n "$ROWS" ]; then
  t0=$SECONDS
  if "$ROOT/bin/fairfee" generate --out "$WORK/sample" --seed 42 --rows "$ROWS" > "$WORK/generate.out" 2>&1; then
    ROWS_MADE="$(sed -n 's/^generated \([0-9,]*\) rows.*/\1/p' "$WORK/generate.out" | tr -d ,)"
    pass "sample-data" "$(head -1 "$WORK/generate.out"), $((SECONDS - t0))s"
  else
    abort "sample-data" "bin/fairfee generate failed; see $WORK/generate.out"
  fi
  INPUT="$WORK/sample/submissions"
  CONFIG="$WORK/sample/config.json"
else
  INPUT="$ROOT/sample-data/submissions"
  CONFIG="$ROOT/sample-data/config.json"
  ROWS_MADE="" # rows read, from the local run's manifest
  if [ -d "$INPUT" ] && [ -n "$(find "$INPUT" -name '*.csv' | head -1)" ]; then
    pass "sample-data" "the project's sample-data/: $(find "$INPUT" -name '*.csv' | wc -l) files"
  else
    abort "sample-data" "no submissions under $INPUT"
  fi
fi

# 2. SPARK_HOME from the Spark jars Maven already has: the dependency closure of spark-sql alone
#    (scripts/spark-only/pom.xml), not fairfee's class path, so the cluster has nothing of ours.
t0=$SECONDS
SPARK_CP="$ROOT/jobs/target/spark-only-classpath.txt"
if [ ! -s "$SPARK_CP" ] || [ "$ROOT/pom.xml" -nt "$SPARK_CP" ] || [ "$ROOT/scripts/spark-only/pom.xml" -nt "$SPARK_CP" ]; then
  (cd "$ROOT" && mvn -B -q -o -f scripts/spark-only/pom.xml dependency:build-classpath \
      -Dmdep.outputFile="$SPARK_CP") > "$WORK/spark-home.out" 2>&1 \
    || (cd "$ROOT" && mvn -B -q -f scripts/spark-only/pom.xml dependency:build-classpath \
      -Dmdep.outputFile="$SPARK_CP") >> "$WORK/spark-home.out" 2>&1 \
    || abort "spark-home" "could not list Spark's jars; see $WORK/spark-home.out"
fi
mkdir -p "$SPARK_HOME_DIR/jars" "$SPARK_LOCAL_DIRS"
tr ':' '\n' < "$SPARK_CP" | while read -r j; do [ -n "$j" ] && ln -s "$j" "$SPARK_HOME_DIR/jars/"; done
NJARS="$(find "$SPARK_HOME_DIR/jars" -name '*.jar' | wc -l)"
if compgen -G "$SPARK_HOME_DIR/jars/spark-core_2.13-*.jar" >/dev/null && [ "$NJARS" -gt 100 ] \
    && ! compgen -G "$SPARK_HOME_DIR/jars/fairfee-*" >/dev/null && ! compgen -G "$SPARK_HOME_DIR/jars/poi-*" >/dev/null; then
  pass "spark-home" "$NJARS Spark jars linked from ~/.m2, none of fairfee's, $((SECONDS - t0))s"
else
  abort "spark-home" "$SPARK_HOME_DIR/jars has $NJARS jars; expected Spark's alone"
fi
CP="$SPARK_HOME_DIR/jars/*"

# 3. The local run: bin/fairfee, local[2] (2 cores, like the two 1-core workers). bin/fairfee
#    execs java, so the pid is the JVM's. In the background unless --sequential.
mkdir -p "$WORK/events-local" "$WORK/events-cluster"
# Event logs with per-stage executor memory peaks, for the sizing note at the end.
EVENTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.logStageExecutorMetrics=true -Dspark.eventLog.compress=false"
LOCAL_PID=""
start_local() {
  FAIRFEE_HEAP=1g FAIRFEE_JAVA_OPTS="$EVENTS -Dspark.eventLog.dir=file:$WORK/events-local" \
    "$ROOT/bin/fairfee" run --master 'local[2]' --input "$INPUT" --period "$PERIOD" \
    --out "$WORK/out-local" --config "$CONFIG" > "$WORK/local.out" 2> "$WORK/local.err" &
  LOCAL_PID=$!
  LOCAL_T0=$SECONDS
}
finish_local() {
  wait "$LOCAL_PID"
  local code=$?
  LOCAL_PID=""
  LOCAL_S=$((SECONDS - LOCAL_T0))
  # Its own duration from its progress lines (start to done), exact even when we waited on something else.
  local own
  own="$(awk -F'[][s]+' '/\] done: /{printf "%.0f", $2}' "$WORK/local.err")"
  [ -n "$own" ] && LOCAL_S="$own"
  if [ "$code" = 0 ]; then
    pass "local-run" "bin/fairfee run --master local[2]: ${LOCAL_S}s$([ "$SEQUENTIAL" = 0 ] && echo ', alongside the cluster')"
  else
    fail "local-run" "exit code $code; see $WORK/local.err"
  fi
}
start_local
[ "$SEQUENTIAL" = 1 ] && finish_local

# 4. Master and two workers, plain java, free ports (port 0: the OS picks; read back from the logs).
t0=$SECONDS
"$JAVA" $OPENS -Xmx256m -Dspark.master.rest.enabled=false -cp "$CP" \
  org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$WORK/master.log" 2>&1 &
PIDS+=($!)
MASTER_PID=$!
master_ready() { grep -q "Successfully started service 'MasterUI'" "$WORK/master.log" && grep -q "Starting Spark master at" "$WORK/master.log"; }
wait_for "master" 180 "$MASTER_PID" master_ready || abort "master" "did not start in 180 s; see $WORK/master.log"
MASTER_URL="$(sed -n 's/.*Starting Spark master at \(spark:\/\/[^ ]*\).*/\1/p' "$WORK/master.log" | head -1)"
UI_PORT="$(sed -n "s/.*Successfully started service 'MasterUI' on port \([0-9]*\).*/\1/p" "$WORK/master.log" | head -1)"
MASTER_JSON="http://127.0.0.1:$UI_PORT/json/"
wait_for "master-ui" 60 "$MASTER_PID" curl -sf "$MASTER_JSON" || abort "master" "its web UI $MASTER_JSON does not answer"
pass "master" "$MASTER_URL, UI port $UI_PORT, pid $MASTER_PID"

for n in 1 2; do
  SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.13 \
    "$JAVA" $OPENS -Xmx256m -cp "$CP" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$WORK/work$n" \
    "$MASTER_URL" > "$WORK/worker$n.log" 2>&1 &
  PIDS+=($!)
done
alive_workers() { curl -sf "$MASTER_JSON" | jq -e '[.workers[] | select(.state == "ALIVE")] | length == 2'; }
if wait_for "workers" 240 "" alive_workers; then
  pass "workers-alive" "2 workers ALIVE (pids ${PIDS[1]} ${PIDS[2]}); cluster up in $((SECONDS - t0))s"
else
  abort "workers-alive" "$(curl -sf "$MASTER_JSON" | jq -c '[.workers[].state]' 2>/dev/null); see $WORK/worker1.log, worker2.log"
fi

# 5. Submit through SparkSubmit, client mode: the driver runs here, the executors on the workers.
t0=$SECONDS
timeout 900 "$JAVA" $OPENS -Xmx1g -cp "$CP" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER_URL" --deploy-mode client --name fairfee-cluster-check \
  --class org.fairfee.jobs.cli.Main \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.ui.enabled=false \
  --conf spark.executor.extraJavaOptions=-Djdk.reflect.useDirectMethodHandle=false \
  --conf spark.eventLog.enabled=true --conf spark.eventLog.logStageExecutorMetrics=true \
  --conf spark.eventLog.compress=false \
  --conf spark.eventLog.dir="file:$WORK/events-cluster" \
  --executor-memory 1g --executor-cores 1 --total-executor-cores 2 \
  "$JAR" run --input "$INPUT" --period "$PERIOD" --out "$WORK/out-cluster" --config "$CONFIG" \
  > "$WORK/submit.out" 2> "$WORK/submit.err" &
SUBMIT_PID=$!
wait "$SUBMIT_PID"
code=$?
SUBMIT_PID=""
CLUSTER_S=$((SECONDS - t0))
if [ "$code" = 0 ]; then
  pass "cluster-run" "SparkSubmit --master $MASTER_URL: ${CLUSTER_S}s"
else
  fail "cluster-run" "exit code $code after ${CLUSTER_S}s; see $WORK/submit.err and $WORK/out-cluster/$PERIOD*/run.log"
fi

[ -n "$LOCAL_PID" ] && finish_local

# 6. Same bytes: every CSV of the month, and the manifest's outcomes (it also holds times and paths).
L="$WORK/out-local/$PERIOD"
C="$WORK/out-cluster/$PERIOD"
csvs_l="$(cd "$L" 2>/dev/null && find . -name '*.csv' | sort)"
csvs_c="$(cd "$C" 2>/dev/null && find . -name '*.csv' | sort)"
if [ -z "$csvs_l" ]; then
  fail "csv-set" "the local run published no CSV in $L"
elif [ "$csvs_l" != "$csvs_c" ]; then
  fail "csv-set" "local has [$(echo $csvs_l)], cluster has [$(echo $csvs_c)]"
else
  pass "csv-set" "$(echo "$csvs_l" | wc -l) CSV files in both: $(echo $csvs_l | sed 's|\./||g')"
  for f in $csvs_l; do
    if cmp -s "$L/$f" "$C/$f"; then
      pass "same-bytes ${f#./}" "$(wc -l < "$L/$f") lines, $(wc -c < "$L/$f") bytes, identical"
    else
      fail "same-bytes ${f#./}" "$(cmp "$L/$f" "$C/$f" 2>&1 | head -1)"
    fi
  done
fi
outcomes() { jq -S '{period, totals, period_rows, files}' "$1/manifest.json"; }
if [ -f "$L/manifest.json" ] && [ -f "$C/manifest.json" ] && [ "$(outcomes "$L")" = "$(outcomes "$C")" ]; then
  pass "same-manifest" "period, totals and every file's outcome equal"
else
  fail "same-manifest" "the manifests' outcomes differ (or one is missing)"
fi

# 7. The work really ran on the workers: the application FINISHED, and each worker ran an executor
#    that ran tasks (its work folder app-*/ID/stderr says so).
app="$(curl -sf "$MASTER_JSON" | jq -c '[.completedapps[] | select(.name == "fairfee-cluster-check")] | .[0] | {id, state, cores}')"
if [ "$(echo "$app" | jq -r .state 2>/dev/null)" = FINISHED ]; then
  pass "app-finished" "$app"
else
  fail "app-finished" "master lists ${app:-nothing} for fairfee-cluster-check"
fi
for n in 1 2; do
  tasks="$(cat "$WORK"/work$n/app-*/*/stderr 2>/dev/null | grep -c 'Running task' || true)"
  if [ "${tasks:-0}" -gt 0 ]; then
    pass "executor-on-worker$n" "$tasks tasks ran in $(ls -d "$WORK"/work$n/app-*/* | sed "s|$WORK/||" | head -1)"
  else
    fail "executor-on-worker$n" "no executor of the application ran tasks on worker $n; see $WORK/work$n"
  fi
done

# Sizing notes (not checks): the job's own time, from its progress lines (Spark started -> published),
# rows per core per second over it, and the peak JVM heap of each executor from the event log.
job_seconds() { awk -F'[][s]+' '/\] spark: /{a=$2} /\] done: /{b=$2} END{if (a != "" && b != "") printf "%.1f", b - a}' "$1"; }
heap_peaks() {
  find "$1" -type f -name 'events_*' -exec grep -h '"Event":"SparkListenerStageExecutorMetrics"' {} + 2>/dev/null \
    | jq -r '"\(.["Executor ID"]) \(.["Executor Metrics"].JVMHeapMemory)"' \
    | awk '{if ($2 > m[$1]) m[$1] = $2} END {for (e in m) printf "%s%s %d MiB", (n++ ? ", " : ""), (e == "driver" ? "driver" : "executor " e), m[e] / 1048576}'
}
[ -z "${ROWS_MADE:-}" ] && ROWS_MADE="$(jq -r '.totals.rows_read // empty' "$L/manifest.json" 2>/dev/null)"
for run in local cluster; do
  err="$WORK/$run.err"; [ "$run" = cluster ] && err="$WORK/submit.err"
  s="$(job_seconds "$err")"
  total="$LOCAL_S"; [ "$run" = cluster ] && total="$CLUSTER_S"
  if [ -n "$s" ] && [ -n "${ROWS_MADE:-}" ]; then
    note "$run: ${total}s in all, ${s}s from Spark up to published: $(awk -v r="$ROWS_MADE" -v s="$s" 'BEGIN{printf "%.0f", r / s / 2}') rows/core/s on 2 cores; heap used, peak: $(heap_peaks "$WORK/events-$run")"
  fi
done

# 8. Stop by process id and check nothing is left.
finish
