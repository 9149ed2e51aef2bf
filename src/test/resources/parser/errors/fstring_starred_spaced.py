f"x{ *a}y"
