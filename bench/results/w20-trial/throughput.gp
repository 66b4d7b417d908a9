set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/w20-trial/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/w20-trial/raw/throughput-W20_import.dat' using 1:2 with linespoints title 'W20_import'
