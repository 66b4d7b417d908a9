set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-02-61fa149-surveys-w18/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/2026-12-02-61fa149-surveys-w18/raw/throughput-pgbench_w1.dat' using 1:2 with linespoints title 'pgbench_w1', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/throughput-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/throughput-pgbench_w3.dat' using 1:2 with linespoints title 'pgbench_w3', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/throughput-W3_create.dat' using 1:2 with linespoints title 'W3_create', 'bench/results/2026-12-02-61fa149-surveys-w18/raw/throughput-W18_survey_answer.dat' using 1:2 with linespoints title 'W18_survey_answer'
