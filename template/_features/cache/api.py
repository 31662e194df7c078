{# part: imports #}

from .rate_limits import limit_writes
{# part: dependencies #}

        Depends(limit_writes),
