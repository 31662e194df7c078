{# part: rename-behind-the-service #}

    items = app.state.item_store.items
    items[item_id] = items[item_id].model_copy(update={"name": name})
