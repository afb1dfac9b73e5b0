# placeholder: sources of this area arrive with it
