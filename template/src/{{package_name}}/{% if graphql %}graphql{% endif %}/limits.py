"""Limits on what one GraphQL document may ask for, from settings: how deep it nests, and how
many fields it may resolve in all (each field inside a list counted once per item the list may
return), so that no query costs more than a bounded number of REST requests."""

from collections.abc import Callable, Iterable
from functools import partial

from graphql import (
    ASTValidationRule,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from strawberry.extensions import AddValidationRules
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from ..pagination import PageQuery
from ..settings import GraphQLSettings

Extension = type[SchemaExtension] | Callable[[], SchemaExtension]

# The queries that answer a page, whose `items` repeat their fields once per item: the size
# of their pages.
_PAGES = {"items": PageQuery.model_fields["limit"]}


def cost_rule(most: int) -> type[ValidationRule]:
    """A validation rule that refuses an operation costing more than `most` fields."""

    class Cost(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: object) -> None:
            cost = _cost(node.selection_set, self.context, frozenset())
            if cost > most:
                msg = f"The query would resolve {cost} fields, more than the {most} allowed."
                self.report_error(GraphQLError(msg, node))

    return Cost


def _cost(
    selections: SelectionSetNode | None,
    context: ValidationContext,
    spread: frozenset[str],
    page_size: int | None = None,
) -> int:
    """The fields of a selection, with those of a page's items counted once per item."""
    total = 0
    for node, inside in _fields(selections, context, spread):
        name = node.name.value
        if page_size is None and name in _PAGES:
            total += 1 + _cost(node.selection_set, context, inside, _page_size(node))
        elif page_size is not None and name == "items":
            total += 1 + page_size * _cost(node.selection_set, context, inside)
        else:
            total += 1 + _cost(node.selection_set, context, inside)
    return total


def _fields(
    selections: SelectionSetNode | None, context: ValidationContext, spread: frozenset[str]
) -> Iterable[tuple[FieldNode, frozenset[str]]]:
    """The fields of a selection, those of its fragments included, each with the fragments
    it is inside (a fragment that spreads itself is another rule's error, not a loop here)."""
    for node in selections.selections if selections else ():
        if isinstance(node, FieldNode):
            yield node, spread
        elif isinstance(node, InlineFragmentNode):
            yield from _fields(node.selection_set, context, spread)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in spread:
            fragment = context.get_fragment(node.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set, context, spread | {node.name.value})


def _page_size(node: FieldNode) -> int:
    """How many items a page query may answer: its `limit`."""
    page = _PAGES[node.name.value]
    limit = next(
        (argument.value for argument in node.arguments or () if argument.name.value == "limit"),
        None,
    )
    if limit is None:
        default: int = page.default
        return default
    if isinstance(limit, IntValueNode):
        return int(limit.value)
    # A variable: the largest page, since variables are not known while the document is checked.
    largest: int = next(rule.le for rule in page.metadata if hasattr(rule, "le"))
    return largest


def limits(settings: GraphQLSettings) -> Extension:
    """The rules of Strawberry's QueryDepthLimiter and MaxAliasesLimiter, and the cost rule,
    made once: with the same rules for every request, ValidationCache checks a document once."""
    rules: list[type[ASTValidationRule]] = [
        depth_rule(settings.graphql_max_depth, should_ignore=None),
        aliases_rule(settings.graphql_max_aliases),
        cost_rule(settings.graphql_max_cost),
    ]
    return partial(AddValidationRules, rules)
