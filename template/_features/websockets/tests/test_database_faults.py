{# part: test-imports #}
{{ fragments("tests/test_database_faults.py", "socket-imports") }}
{# part: tests #}
{{ fragments("tests/test_database_faults.py", "socket-tests") }}
