"""/graphql: the schema over HTTP (POST, and GET for queries), and the GraphiQL IDE in
development only."""

from typing import overload

from cross_web import HTTPException as GraphQLHTTPException
from fastapi import APIRouter, HTTPException, Request, Response, WebSocket
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.routing import Match
from starlette.types import Scope
from strawberry.fastapi import GraphQLRouter
from strawberry.http.ides import get_graphql_ide_html
from strawberry.types.unset import UNSET

from ..settings import Settings
from .context import GraphQLContext, get_context
from .schema import build_schema

PATH = "/graphql"


class PageRoute(APIRoute):
    """A route for browsers only: it matches a request that asks for a page (Accept:
    text/html), and leaves every other request on its path to the routes after it."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if "text/html" not in Headers(scope=scope).get("accept", ""):
            return Match.NONE, {}
        return match, child_scope


class ShapedGraphQLRouter(GraphQLRouter[GraphQLContext, None]):
    """Strawberry's router, with its refusals (a body that is not JSON, a mutation sent with
    GET) in the service's error shape rather than as plain text."""

    @overload
    async def run(
        self, request: Request, context: GraphQLContext = UNSET, root_value: None = UNSET
    ) -> Response: ...

    @overload
    async def run(
        self, request: WebSocket, context: GraphQLContext = UNSET, root_value: None = UNSET
    ) -> WebSocket: ...

    async def run(
        self,
        request: Request | WebSocket,
        context: GraphQLContext = UNSET,
        root_value: None = UNSET,
    ) -> Response | WebSocket:
        try:
            return await super().run(request, context, root_value)
        except GraphQLHTTPException as refused:
            raise HTTPException(refused.status_code, refused.reason) from refused


async def graphiql() -> HTMLResponse:
    return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"))


def graphql_router(settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    if settings.environment == "development":
        # The IDE's page needs no credentials; the queries it sends do, as any client's.
        router.add_api_route(PATH, graphiql, route_class_override=PageRoute)
    schema = build_schema(settings)
    router.include_router(
        ShapedGraphQLRouter(schema, path=PATH, context_getter=get_context, graphql_ide=None)
    )
    return router
