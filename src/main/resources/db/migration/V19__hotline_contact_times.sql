-- When the order reached its department (a first contact cannot be earlier) and when the first contact was entered
-- (beside the time it is said to have happened, so that a back-dated entry shows).
alter table hotline_order add column dispatched_at timestamptz, add column first_contact_entered_at timestamptz;
