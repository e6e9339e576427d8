//! A one-slot mailbox on a mutex and a condvar, for threads that wait while another thread
//! of the same run works: the receiver goes to sleep at once, where a channel's receiver
//! first spins and yields — and with a run's threads pinned to one core (the explorer), that
//! spinning only takes the core from the thread with work to do.

use parking_lot::{Condvar, Mutex};

pub struct Mailbox<T> {
    slot: Mutex<Option<T>>,
    filled: Condvar,
}

impl<T> Default for Mailbox<T> {
    fn default() -> Self {
        Mailbox {
            slot: Mutex::new(None),
            filled: Condvar::new(),
        }
    }
}

impl<T> Mailbox<T> {
    /// Leaves `value` for the receiver (replacing one not yet taken).
    pub fn put(&self, value: T) {
        *self.slot.lock() = Some(value);
        self.filled.notify_one();
    }

    /// Waits for a value and takes it.
    pub fn take(&self) -> T {
        let mut slot = self.slot.lock();
        loop {
            if let Some(v) = slot.take() {
                return v;
            }
            self.filled.wait(&mut slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_value_put_on_another_thread_is_taken_once() {
        let mailbox = Arc::new(Mailbox::default());
        let sender = mailbox.clone();
        let t = std::thread::spawn(move || sender.put(7));
        assert_eq!(mailbox.take(), 7);
        t.join().unwrap();
    }
}
