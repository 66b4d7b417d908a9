set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-02-a9a41b0-loyalty-w15-jfr/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/2026-12-02-a9a41b0-loyalty-w15-jfr/raw/p99-W15_posting.dat' using 1:2 with linespoints title 'W15_posting'
