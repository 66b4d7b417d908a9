set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-11-24-0a9b8b3-w3w6-vacuum/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/2026-11-24-0a9b8b3-w3w6-vacuum/raw/p99-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-11-24-0a9b8b3-w3w6-vacuum/raw/p99-W3_create.dat' using 1:2 with linespoints title 'W3_create'
