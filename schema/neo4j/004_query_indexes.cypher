// Range indexes for the entry points of the compiled lists (src/graph/query): measurements of one
// property (a value range, an order by value) and by temperature.
CREATE INDEX measurement_property IF NOT EXISTS FOR (x:Measurement) ON (x.property);
CREATE INDEX measurement_temperature IF NOT EXISTS FOR (x:Measurement) ON (x.temperatureK);
