set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/w20-trial2/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/w20-trial2/raw/p99-W20_import.dat' using 1:2 with linespoints title 'W20_import'
