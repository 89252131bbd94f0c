"""A data file to fill in (`init`) and the JSON Schema of the data file (`schema`), both generated from the
model and one table of Chinese descriptions, so every key the model has is in both."""
