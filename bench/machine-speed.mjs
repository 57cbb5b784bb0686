// A fixed CPU loop, timed: how fast this machine runs right now. Its speed drifts with the
// host (on our 2-core VMs a loop like this one ran up to 1.8x slower from one hour to the next,
// and from one minute to the next), so benchmarks print it before and after their runs: compare
// figures only at similar values (~285-310 ms was this machine's normal on 2026-11-23).
export function machineSpeedMs() {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 2e8; i++) x += i % 7;
  if (x < 0) console.log(x); // keeps the loop from being optimised away
  return Math.round(performance.now() - t0);
}
