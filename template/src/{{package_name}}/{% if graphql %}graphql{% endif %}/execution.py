"""How GraphQL runs a document, with a shortcut for the fields it spends most of its time on:
the plain scalar fields of an object (an item's id, name, price...). graphql-core completes each
field through its general machinery, a few microseconds apiece, which for a page of items is
most of a request; an object whose selected fields are all plain attributes is read in one pass.
"""

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLLeafType,
    GraphQLObjectType,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# For each field of a selection: its response name, the attribute's resolver, its scalar or enum
# type, and whether it may be null.
Plan = tuple[tuple[str, Callable[..., Any], GraphQLLeafType, bool], ...]


class Execution(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # By selection (the same object for every item of a list); kept with it, so that its
        # id is not reused while the document runs.
        self._plans: dict[int, tuple[GroupedFieldSet, Plan | None]] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: object,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,  # noqa: ANN401 - graphql-core's, which varies by executor
    ) -> AwaitableOrValue[dict[str, Any]]:
        plan = self._plan(parent_type, grouped_field_set)
        if plan is not None and (read := _read(plan, source_value)) is not None:
            return read
        # Anything else, and any value the shortcut cannot complete (a null where none may be,
        # an error), takes graphql-core's way, which reports it as GraphQL requires.
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def _plan(self, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> Plan | None:
        cached = self._plans.get(id(fields))
        if cached is None:
            cached = self._plans[id(fields)] = (fields, self._make_plan(parent_type, fields))
        return cached[1]

    def _make_plan(self, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> Plan | None:
        """The plan of a selection of plain scalar fields only; None for any other."""
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return None  # extensions that wrap each field's resolver must see every field
        plan = []
        for response_name, details in fields.items():
            node = details[0].node
            field = self.schema.get_field(parent_type, node.name.value)
            if field is None or node.arguments:
                return None
            resolve, leaf = field.resolve, get_nullable_type(field.type)
            # Strawberry marks the resolver of a field that only reads an attribute.
            if resolve is None or not getattr(resolve, "_is_default", False):
                return None
            if not is_leaf_type(leaf):
                return None
            plan.append((response_name, resolve, leaf, not is_non_null_type(field.type)))
        return tuple(plan)


def _read(plan: Plan, source: object) -> dict[str, Any] | None:
    """The fields' values, as graphql-core would complete them; None when one needs its way."""
    data: dict[str, Any] = {}
    try:
        for response_name, resolve, leaf, nullable in plan:
            value = resolve(source, None)
            if value is None:
                if not nullable:
                    return None
                data[response_name] = None
                continue
            coerced = leaf.coerce_output_value(value)
            if coerced is None or coerced is Undefined:
                return None
            data[response_name] = coerced
    except Exception:  # noqa: BLE001 - graphql-core's way reports it, with its path
        return None
    return data
