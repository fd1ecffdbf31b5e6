#!/usr/bin/env bash
# The grading sandbox's cost per program (issue 22): hyperfine of `true` and of `python3 -c pass`,
# bare and under the command line lab3.grading.Sandbox#prepare makes (as root: the cgroup join,
# prlimit, setpriv to nobody, bubblewrap with the same binds). Not part of bench/run. As root;
# needs bwrap and hyperfine (apt-get install bubblewrap hyperfine).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "sandbox-cost.sh: run as root (the bench drops to nobody from root)" >&2; exit 1; }
work=$(mktemp -d /tmp/lab3-sandbox-cost-XXXXXX)
chmod 711 "$work"
home="$work/Lab3_111111_222222"
mkdir -p "$home" "$work/etc"
chown 65534:65534 "$home"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n' >"$work/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$work/etc/group"
chmod 755 "$work/etc"
chmod 644 "$work/etc/passwd" "$work/etc/group"
memory=/sys/fs/cgroup/memory$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup)/lab3-cost
pids=/sys/fs/cgroup/pids$(sed -n 's/^[0-9]*:pids://p' /proc/self/cgroup)/lab3-cost
mkdir -p "$memory" "$pids"
trap 'rmdir "$memory" "$pids" 2>/dev/null; rm -rf "$work"' EXIT
echo $((512 << 20)) >"$memory/memory.limit_in_bytes"
echo 256 >"$pids/pids.max"
args=(sh -c 'echo $$ > "$1" && echo $$ > "$2" && shift 2 && exec "$@"' lab3-limits
  "$memory/cgroup.procs" "$pids/cgroup.procs"
  prlimit --cpu=60:61 --fsize=67108864 --core=0 --
  setpriv --reuid 65534 --regid 65534 --clear-groups --inh-caps=-all --bounding-set=-all
  bwrap --unshare-user --unshare-pid --unshare-ipc --unshare-uts --unshare-cgroup-try
  --die-with-parent --new-session --ro-bind /usr /usr)
for top in bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$top" ]; then args+=(--symlink "$(readlink "/$top")" "/$top");
  elif [ -d "/$top" ]; then args+=(--ro-bind "/$top" "/$top"); fi
done
for n in hosts resolv.conf nsswitch.conf gai.conf host.conf ld.so.cache ld.so.conf ld.so.conf.d \
  alternatives localtime mime.types ssl/certs ssl/openssl.cnf ca-certificates python3 pki/tls/certs; do
  args+=(--ro-bind-try "/etc/$n" "/etc/$n")
done
for j in /etc/java*; do [ -e "$j" ] && args+=(--ro-bind "$j" "$j"); done
args+=(--ro-bind "$work/etc/passwd" /etc/passwd --ro-bind "$work/etc/group" /etc/group
  --proc /proc --dev /dev --size 67108864 --tmpfs /dev/shm --size 67108864 --tmpfs /tmp
  --bind "$home" "$home" --ro-bind-try "$home/lib" "$home/lib" --chdir "$home" --clearenv
  --setenv PATH /usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin --setenv HOME /tmp --setenv LANG C.UTF-8
  --setenv PYTHONUNBUFFERED 1 --)
printf -v wrap '%q ' "${args[@]}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 5 --runs "${RUNS:-100}" /usr/bin/true "${wrap}/usr/bin/true" \
  '/usr/bin/python3 -c pass' "${wrap}/usr/bin/python3 -c pass"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
