// Range indexes for the entry points of the compiled lists (src/graph/query): measurements of one
// property (a value range, an order by value) and by temperature.
CREATE INDEX measurement_property IF NOT EXISTS FOR (x:Measurement) ON (x.property);
CREATE INDEX measurement_temperature IF NOT EXISTS FOR (x:Measurement) ON (x.temperatureK);
// A value range on one property (`hasMeasurement: {property, value: {min | max}}`, the measurements list's
// `value`): the compiler writes `coalesce(value, min) >= $v` as `value >= $v OR (value IS NULL AND min >= $v)`
// (src/graph/query/compile.ts, boundText), which these composite indexes answer as a union of two seeks.
CREATE INDEX measurement_property_value IF NOT EXISTS FOR (x:Measurement) ON (x.property, x.value);
CREATE INDEX measurement_property_min IF NOT EXISTS FOR (x:Measurement) ON (x.property, x.min);
CREATE INDEX measurement_property_max IF NOT EXISTS FOR (x:Measurement) ON (x.property, x.max);
