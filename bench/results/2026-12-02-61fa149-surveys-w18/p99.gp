set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-02-61fa149-surveys-w18/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/2026-12-02-61fa149-surveys-w18/raw/p99-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/p99-W3_create.dat' using 1:2 with linespoints title 'W3_create', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/p99-W18_survey_answer.dat' using 1:2 with linespoints title 'W18_survey_answer'
