// The uPlot option builders of the app's charts and the kit they share; framework-free, so the views and the image export both use them.
export * from './kit';
export * from './scenario-options';
export * from './compare-options';
export * from './fan-options';
