{# part: stdlib-imports #}

import os
import subprocess
{# part: service-process-imports #}
, environment_of
{# part: migrations #}

        subprocess.run(
            [sys.executable, "-m", "alembic", "upgrade", "head"],
            cwd=PROJECT,
            env=os.environ | environment_of(settings),
            check=True,
            capture_output=True,
        )
