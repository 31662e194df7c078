"""How GraphQL runs a document, with a shortcut for the fields it spends most of its time on:
the plain scalar fields of objects (an item's id, name, price...). graphql-core completes each
field, and each item of a list, through its general machinery, a few microseconds apiece, which
for a page of items is most of a request. An object whose selected fields all read attributes,
and a list of such objects, is read in one pass.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLInt,
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLString,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# The values GraphQL's Int holds: 32-bit signed integers.
INT_RANGE = range(-(2**31), 2**31)
# The Python types whose values these types return unchanged (an Int's, when in range).
KEPT_AS: dict[GraphQLLeafType, type] = {GraphQLInt: int, GraphQLString: str}


@dataclass(frozen=True)
class Field:
    """How a plain field's value is completed: its scalar or enum type, whether it may be null,
    and the Python type a value already has when that type would return it unchanged (an int
    in range for Int, a str for String), which then needs no call."""

    leaf: GraphQLLeafType
    nullable: bool
    kept: type | None


@dataclass(frozen=True)
class Plan:
    """A selection of plain fields: their response names, and one call that reads every one."""

    names: tuple[str, ...]
    read: Callable[[object], tuple[object, ...]]
    fields: tuple[Field, ...]


class Execution(StrawberryGraphQLCoreExecutionContext):
    """Anything the shortcut does not cover, and any value it cannot complete (a null where
    none may be, a value its type refuses), takes graphql-core's way, which reports it."""

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
        if plan is not None and (read := read_plain(plan, source_value)) is not None:
            return read
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def complete_iterable_value(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        items: Iterable[Any],
        position_context: Any,  # noqa: ANN401 - graphql-core's, which varies by executor
    ) -> AwaitableOrValue[list[Any]]:
        items = list(items)
        if (read := self._read_all(item_type, field_details_list, info, path, items)) is not None:
            return read
        return super().complete_iterable_value(
            item_type, field_details_list, info, path, items, position_context
        )

    def _read_all(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        items: list[Any],
    ) -> list[Any] | None:
        """The values of a list of plain objects; None when one needs graphql-core's way."""
        object_type = get_nullable_type(item_type)
        if not isinstance(object_type, GraphQLObjectType):
            return None
        if self.get_stream_usage(field_details_list, path):
            return None
        grouped_field_set, deferred, _ = self.collect_subfields(object_type, field_details_list)
        plan = None if deferred else self._plan(object_type, grouped_field_set)
        if plan is None:
            return None
        nullable = not is_non_null_type(item_type)
        # Strawberry's check that an item is of the type (for types made from Pydantic models).
        is_type_of = object_type.is_type_of
        values = []
        for item in items:
            if item is not None and is_type_of is not None and is_type_of(item, info) is not True:
                return None
            value = None if item is None else read_plain(plan, item)
            if value is None and not (item is None and nullable):
                return None
            values.append(value)
        return values

    def _plan(self, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> Plan | None:
        cached = self._plans.get(id(fields))
        if cached is None:
            cached = self._plans[id(fields)] = (fields, self._make_plan(parent_type, fields))
        return cached[1]

    def _make_plan(self, parent_type: GraphQLObjectType, fields: GroupedFieldSet) -> Plan | None:
        """The plan of a selection of plain scalar fields only; None for any other."""
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return None  # extensions that wrap each field's resolver must see every field
        names, attributes, plain = [], [], []
        for response_name, details in fields.items():
            node = details[0].node
            field = self.schema.get_field(parent_type, node.name.value)
            leaf = None if field is None else get_nullable_type(field.type)
            if field is None or node.arguments or not is_leaf_type(leaf):
                return None
            # A field of Strawberry's that only reads an attribute, as its default resolver does.
            strawberry_field = field.extensions.get("strawberry-definition")
            if not getattr(field.resolve, "_is_default", False) or strawberry_field is None:
                return None
            if strawberry_field.default_resolver is not getattr:
                return None
            names.append(response_name)
            attributes.append(strawberry_field.python_name)
            plain.append(Field(leaf, not is_non_null_type(field.type), KEPT_AS.get(leaf)))
        if not names:
            return None
        read_all = attrgetter(*attributes)
        # attrgetter of one name returns its value alone, of several a tuple.
        read = read_all if len(attributes) > 1 else lambda source: (read_all(source),)
        return Plan(tuple(names), read, tuple(plain))


def read_plain(plan: Plan, source: object) -> dict[str, Any] | None:
    """The fields' values, as graphql-core would complete them; None when one needs its way."""
    data: dict[str, Any] = {}
    try:
        for name, raw, field in zip(plan.names, plan.read(source), plan.fields, strict=True):
            value = raw
            if raw is None:
                if not field.nullable:
                    return None
            elif type(raw) is not field.kept or (field.kept is int and raw not in INT_RANGE):
                value = field.leaf.coerce_output_value(raw)
                if value is None or value is Undefined:
                    return None
            data[name] = value
    except Exception:  # noqa: BLE001 - graphql-core's way reports it, with its path
        return None
    return data
