/** Pages of the improvement module. */
export {};
