-- run once by compose.yaml's PostgreSQL and MariaDB when their data is created: the sample app's database
CREATE DATABASE library;
